// A host that connects a real Facebook Page through the bridge: the WebSocket transport entry alone.
import { WebSocketTransport } from 'contact-center-elements/transports/websocket';

globalThis.WebSocketTransport = WebSocketTransport;
