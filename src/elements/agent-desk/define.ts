import { CcAgentDesk } from './agent-desk.js';

if (!customElements.get('cc-agent-desk')) customElements.define('cc-agent-desk', CcAgentDesk);

export { CcAgentDesk };
