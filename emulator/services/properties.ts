// Placeholder: replaced by the module's implementation.
import { registerService } from '../runtime';

registerService({ globals: () => ({}) });
