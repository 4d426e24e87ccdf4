/** Entry point of the journey recorder: registers `<cx-journey>`. No framework, a few KB. */
import { defineElement } from '../core/define-element.js';
import { CxJourney } from './cx-journey.js';

defineElement('cx-journey', CxJourney);

export { CxJourney };
