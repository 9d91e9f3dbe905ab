// Nothing global yet: the site build for browser tests is made by tests that need it (see site.ts).
export default function setup() {}
