import { CcAgentScript } from './agent-script.js';

if (!customElements.get('cc-agent-script')) customElements.define('cc-agent-script', CcAgentScript);

export { CcAgentScript };
