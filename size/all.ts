// Every element and the desk, with every dependency bundled: the "everything" budget.
import '../src/define.js';

export { createDesk } from '../src/core/desk/desk.js';
