import { initAll } from '/vendor/govuk/govuk-frontend.min.js';
import { initAll as initMoj } from '/vendor/moj/all.bundle.mjs';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();
// MoJ components enhance pages that work without them: sortable tables, filters, timelines.
initMoj();
