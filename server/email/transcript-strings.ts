/** The transcript email's words, in the languages the widgets speak. */
export const transcriptStrings = {
  en: {
    subject: 'Your chat with {site}',
    intro: 'Here is the transcript of your chat with {site}, as you asked.',
    you: 'You',
    agent: 'Agent',
    attachment: 'Attachment: {name}',
    footer: 'You received this email because you asked for it in the chat.',
  },
  ko: {
    subject: '{site} 상담 대화 내용',
    intro: '요청하신 {site} 상담 대화 내용을 보내 드립니다.',
    you: '나',
    agent: '상담원',
    attachment: '첨부 파일: {name}',
    footer: '채팅에서 요청하셔서 이 메일을 보내 드렸습니다.',
  },
} as const;

export type TranscriptLocale = keyof typeof transcriptStrings;

/** `ko-KR` → `ko`; anything unknown → `en`. */
export function transcriptLocale(locale: string | undefined): TranscriptLocale {
  const language = (locale ?? '').toLowerCase().split('-')[0]!;
  return language in transcriptStrings ? (language as TranscriptLocale) : 'en';
}
