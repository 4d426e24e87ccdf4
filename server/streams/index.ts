export { appendEvent, readEvents, lastSeq, toIso } from './event-log.js';
export {
  conversationStream,
  deskStream,
  visitorStream,
  parseStream,
  type ParsedStream,
} from './names.js';
