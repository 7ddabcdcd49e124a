// Types for the raw tags in JSX (`<cc-presence-picker>` …), generated from the package's manifest. The
// wrappers bring them along too; a page that uses only raw tags references them like this.
/// <reference types="contact-center-elements/frameworks/react" />
