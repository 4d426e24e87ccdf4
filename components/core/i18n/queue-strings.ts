/** Queues, opening hours and messages left outside hours: the visitor panel's and the desk's strings. */
export const queueEn = {
  'queue.position': 'You are number {position} in line',
  'queue.etaMinutes': 'about {minutes} min',
  'queue.etaSoon': 'less than a minute',
  'queue.etaUnknown': "We'll be with you shortly",
  'queue.closedWhileWaiting': 'We are closed now, but you keep your place in line.',
  'queue.closedUntil': "We're closed — we open {when} (your time).",
  'queue.closedUntilDay': "We're closed — we open {day} at {time} (your time).",
  'queue.closed': "We're closed right now.",
  'queue.leaveMessage': 'Leave us a message and we will answer by email and here.',
  'queue.leaveMessageHere': 'Leave us a message and we will answer here when you come back.',
  'queue.name': 'Name',
  'queue.email': 'Email',
  'queue.message': 'Message',
  'queue.send': 'Send message',
  'queue.sending': 'Sending…',
  'queue.sent': 'Thanks! We got your message and will answer soon.',
  'queue.sentNoEmail':
    'Thanks! We got your message. {email} stopped our emails, so our answer waits for you here.',
  'queue.error': 'Your message was not sent: {message}',
  'inbox.queue': 'Queue: {name}',
  'inbox.offline': 'Offline messages',
  'inbox.offlineFrom': '{name} ({email})',
  'inbox.answerEmailed':
    'Your answer also goes to {email} by email, unless they read it here first.',
  'inbox.answerNotEmailed':
    '{email} stopped our answer emails: they read your answer here when they come back.',
  'inbox.openOffline': 'Answer',
  'inbox.transferQueue': 'Queue',
  'inbox.leftAt': 'left {time}',
};

export const queueKo: typeof queueEn = {
  'queue.position': '대기 순서: {position}번째',
  'queue.etaMinutes': '약 {minutes}분',
  'queue.etaSoon': '1분 이내',
  'queue.etaUnknown': '곧 상담원이 연결됩니다',
  'queue.closedWhileWaiting': '지금은 운영 시간이 끝났지만 대기 순서는 그대로 유지됩니다.',
  'queue.closedUntil': '지금은 운영 시간이 아닙니다. {when}에 다시 엽니다(고객님 시간 기준).',
  'queue.closedUntilDay':
    '지금은 운영 시간이 아닙니다. {day} {time}에 다시 엽니다(고객님 시간 기준).',
  'queue.closed': '지금은 운영 시간이 아닙니다.',
  'queue.leaveMessage': '메시지를 남겨 주시면 이메일과 이 창으로 답변드리겠습니다.',
  'queue.leaveMessageHere': '메시지를 남겨 주시면 다시 방문하실 때 이 창으로 답변드리겠습니다.',
  'queue.name': '이름',
  'queue.email': '이메일',
  'queue.message': '메시지',
  'queue.send': '메시지 보내기',
  'queue.sending': '보내는 중…',
  'queue.sent': '감사합니다! 메시지를 받았으며 곧 답변드리겠습니다.',
  'queue.sentNoEmail':
    '감사합니다! 메시지를 받았습니다. {email} 주소는 저희 메일 수신을 중단하셨기 때문에 답변은 이 창에서 확인하실 수 있습니다.',
  'queue.error': '메시지를 보내지 못했습니다: {message}',
  'inbox.queue': '대기열: {name}',
  'inbox.offline': '부재 중 메시지',
  'inbox.offlineFrom': '{name} ({email})',
  'inbox.answerEmailed':
    '고객이 이 창에서 먼저 읽지 않으면 답변이 {email}(으)로도 이메일 발송됩니다.',
  'inbox.answerNotEmailed':
    '{email} 주소는 답변 메일 수신을 중단했습니다. 고객이 다시 방문하면 이 창에서 답변을 읽습니다.',
  'inbox.openOffline': '답변하기',
  'inbox.transferQueue': '대기열',
  'inbox.leftAt': '{time}에 남김',
};
