import { html, nothing } from 'lit';
import { quickRepliesStrings } from '../../i18n/en/quick-replies.js';
import { errorText } from '../../i18n/error-text.js';
import { DeskElement } from '../desk-element.js';
import { defineQuickReplies } from './quick-replies.js';

defineQuickReplies({ DeskElement, html, nothing, strings: quickRepliesStrings, errorText });

export { CcQuickReplyEvent, CcQuickReplyInsertedEvent, type CcQuickReplies } from './quick-replies.js';
