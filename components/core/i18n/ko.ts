import type { Catalog } from './en.js';
import { launcherKo } from './launcher-strings.js';

/** Korean. */
export const ko: Catalog = {
  ...launcherKo,
  'status.connecting': '연결 중…',
  'status.online': '연결됨',
  'status.reconnecting': '다시 연결하는 중…',
  'status.offline': '연결 끊김',
  'error.generic': '문제가 발생했습니다: {message}',

  'chat.close': '채팅 닫기',
  'chat.title': '채팅 상담',
  'chat.messages': '메시지 목록',
  'chat.empty': '무엇이든 물어보세요. 보통 몇 분 안에 답변해 드립니다.',
  'chat.you': '나',
  'chat.agent': '상담원',
  'chat.visitor': '방문자',
  'chat.sending': '보내는 중…',
  'chat.notSent': '전송 실패: {message}',
  'chat.agentJoined': '{name} 님이 대화에 참여했습니다',
  'chat.closed': '대화가 종료되었습니다.',
  'chat.historyGap': '이전 메시지 일부를 불러오지 못했습니다.',
  'composer.message': '메시지',
  'composer.placeholder': '메시지를 입력하세요…',
  'composer.send': '보내기',

  'inbox.title': '대화',
  'inbox.signInDemo': '데모 상담원으로 로그인',
  'inbox.tokenRequired': '대화에 응답하려면 상담원 토큰이 필요합니다.',
  'inbox.signedInAs': '{name}(으)로 로그인됨',
  'inbox.waiting': '대기 중',
  'inbox.mine': '내 대화',
  'inbox.noneWaiting': '대기 중인 고객이 없습니다.',
  'inbox.noneMine': '진행 중인 대화가 없습니다.',
  'inbox.accept': '수락',
  'inbox.waitingFor': '{duration} 대기',
  'inbox.noPreview': '아직 메시지가 없습니다',
  'inbox.open': '열기',
  'inbox.selectPrompt': '대화를 선택하면 메시지가 표시됩니다.',
  'inbox.conversationWith': '{name} 님과의 대화',
  'inbox.alreadyAccepted': '다른 상담원이 먼저 수락했습니다.',
};
