import type { Catalog } from '../catalog.js';

/** English strings of `<cc-agent-script>`. */
export const scriptsStrings: Pick<Catalog, 'scripts'> = {
  scripts: {
    label: 'Script',
    progress: (done, total) => `${done} of ${total} done`,
    insert: 'Insert',
    shareLink: 'Share link',
    article: (id) => `Article ${id}`,
    stepDone: (label) => `Done: ${label}`,
    stepUndone: (label) => `Not done: ${label}`,
    allDone: 'All steps done.',
  },
};
