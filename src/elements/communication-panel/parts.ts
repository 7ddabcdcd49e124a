// What `define/communication-panel` loads after the panel: the transcript and the attachment picker.
import '../transcript/define.js';
import '../attachment-picker/define.js';
