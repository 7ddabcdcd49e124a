// A host that scores its customers' messages with the default analyzer: the sentiment entry alone.
import { createLexiconAnalyzer } from 'contact-center-elements/sentiment';

globalThis.createLexiconAnalyzer = createLexiconAnalyzer;
