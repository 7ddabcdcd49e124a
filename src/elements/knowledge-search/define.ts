import { CcKnowledgeSearch } from './knowledge-search.js';

if (!customElements.get('cc-knowledge-search')) customElements.define('cc-knowledge-search', CcKnowledgeSearch);

export { CcKnowledgeSearch };
