// Stylesheets are imported for their side effect; the build inlines them into the single-file HTML.
declare module '*.css';
