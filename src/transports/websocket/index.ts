export {
  CloseCode,
  DEFAULT_CAPABILITIES,
  PROTOCOL_VERSION,
  WebSocketTransport,
  type WebSocketConstructor,
  type WebSocketLike,
  type WebSocketTransportOptions,
} from './websocket-transport.js';
