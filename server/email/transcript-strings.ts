/**
 * The words of the emails about a chat (its transcript, an answer to a message left, answers
 * missed in a chat), in the languages the widgets speak.
 */
export const transcriptStrings = {
  en: {
    subject: 'Your chat with {site}',
    intro: 'Here is the transcript of your chat with {site}, as you asked.',
    you: 'You',
    agent: 'Agent',
    attachment: 'Attachment: {name}',
    footer: 'You received this email because you asked for it in the chat.',
    replySubject: 'Our answer to your message to {site}',
    replyIntro: 'Hello {name}, thank you for your message to {site}. Here is our answer:',
    replyFooter:
      'You can also read it, and answer, in the chat on our site. You received this email because you left us a message there.',
    missedSubject: 'Our answer in your chat with {site}',
    missedIntro: 'You left the chat on {site} before our answer reached you. Here it is:',
    missedFooter:
      'You can also read it, and answer, in the chat on our site. You received this email because you gave us your email address in the chat.',
    stop: 'Stop these emails',
  },
  ko: {
    subject: '{site} 상담 대화 내용',
    intro: '요청하신 {site} 상담 대화 내용을 보내 드립니다.',
    you: '나',
    agent: '상담원',
    attachment: '첨부 파일: {name}',
    footer: '채팅에서 요청하셔서 이 메일을 보내 드렸습니다.',
    replySubject: '{site}에 남기신 메시지에 대한 답변',
    replyIntro: '{name}님, {site}에 메시지를 남겨 주셔서 감사합니다. 답변을 보내 드립니다.',
    replyFooter:
      '사이트의 채팅에서도 답변을 읽고 회신하실 수 있습니다. 채팅에 메시지를 남기셔서 이 메일을 보내 드렸습니다.',
    missedSubject: '{site} 채팅 상담 답변',
    missedIntro: '{site} 채팅에서 확인하지 못하신 답변을 보내 드립니다.',
    missedFooter:
      '사이트의 채팅에서도 답변을 읽고 회신하실 수 있습니다. 채팅에서 이메일 주소를 알려 주셔서 이 메일을 보내 드렸습니다.',
    stop: '이 메일 받지 않기',
  },
} as const;

export type TranscriptLocale = keyof typeof transcriptStrings;

/** `ko-KR` → `ko`; anything unknown → `en`. */
export function transcriptLocale(locale: string | undefined): TranscriptLocale {
  const language = (locale ?? '').toLowerCase().split('-')[0]!;
  return language in transcriptStrings ? (language as TranscriptLocale) : 'en';
}
