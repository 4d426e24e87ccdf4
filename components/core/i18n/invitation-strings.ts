/**
 * The chat invitation's strings: they load with the invitation (a small lazy module), not
 * with the panel's full catalogs, which include them too.
 */
export const invitationEn = {
  'invitation.label': 'Invitation to chat',
  'invitation.default': 'Hi! Any questions? We are here to help.',
  'invitation.accept': 'Chat now',
  'invitation.dismiss': 'Dismiss',
};

export const invitationKo: typeof invitationEn = {
  'invitation.label': '채팅 초대',
  'invitation.default': '안녕하세요! 궁금한 점이 있으신가요? 언제든 도와드리겠습니다.',
  'invitation.accept': '지금 채팅하기',
  'invitation.dismiss': '닫기',
};
