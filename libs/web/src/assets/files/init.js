// Progressive enhancement only: every page works without it. govuk-frontend's ES module bundle,
// served by the app; its components start on elements marked with data-module.
import { initAll } from '/assets/govuk-frontend.min.js';

initAll();
