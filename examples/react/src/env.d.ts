// Types for the raw tags in JSX (`<cc-presence-picker>` …), generated from the package's manifest.
/// <reference types="contact-center-elements/frameworks/react" />
