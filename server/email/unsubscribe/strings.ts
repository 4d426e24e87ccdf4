/** The words of the page behind an answer email's link to stop the next ones. */
export const unsubscribeStrings = {
  en: {
    title: 'Emails from {site}',
    anyTitle: 'Emails about your chats',
    ask: 'Stop the emails that bring you our answers to your chats with {site}, at {email}?',
    button: 'Stop these emails',
    done: 'Done: {email} gets no more emails with our answers to your chats with {site}. A transcript you ask for in the chat still comes.',
    invalid:
      'This link does not work. Copy the whole link from the email, or tell us in the chat on our site.',
    footer: 'You can still read our answers in the chat on our site.',
  },
  ko: {
    title: '{site} 메일',
    anyTitle: '채팅 상담 메일',
    ask: '{email}(으)로 보내 드리는 {site} 채팅 상담 답변 메일을 그만 받으시겠습니까?',
    button: '메일 받지 않기',
    done: '{email}(으)로 {site} 채팅 상담 답변 메일을 더 이상 보내 드리지 않습니다. 채팅에서 요청하신 대화 내용은 계속 보내 드립니다.',
    invalid:
      '이 링크는 사용할 수 없습니다. 메일에 있는 링크 전체를 복사하시거나 사이트의 채팅으로 알려 주세요.',
    footer: '답변은 사이트의 채팅에서 계속 보실 수 있습니다.',
  },
} as const;

export type UnsubscribeLanguage = keyof typeof unsubscribeStrings;

/** The first language of `Accept-Language` the page speaks, else English. */
export function pageLanguage(acceptLanguage: string | undefined): UnsubscribeLanguage {
  const wanted = (acceptLanguage ?? '')
    .split(',')
    .map((part) => part.split(';')[0]!.trim().toLowerCase().split('-')[0]!);
  return (wanted.find((language) => language in unsubscribeStrings) ?? 'en') as UnsubscribeLanguage;
}
