export { fromSelf, publishSignal, signalFrame, signalTopic } from './signals.js';
export { appendEvent, readEvents, lastSeq } from './event-log.js';
export { messageFrame, messageFromRow, toIso, type MessageRow } from './message-events.js';
export {
  conversationStream,
  deskStream,
  visitorStream,
  parseStream,
  type ParsedStream,
} from './names.js';
