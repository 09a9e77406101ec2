/** The shipped model, relative to the repository (beside rules/), as `npm run train` writes it. */
export const MODEL_FILE = 'models/fingertip.model';
