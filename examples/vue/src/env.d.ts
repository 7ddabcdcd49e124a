// Types for the cc-* tags in templates (GlobalComponents), generated from the package's manifest.
/// <reference types="contact-center-elements/frameworks/vue" />
