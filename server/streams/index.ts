export { fromSelf, publishSignal, signalFrame, signalTopic } from './signals.js';
export { appendEvent, readEvents, lastSeq, toIso } from './event-log.js';
export {
  conversationStream,
  deskStream,
  visitorStream,
  parseStream,
  type ParsedStream,
} from './names.js';
