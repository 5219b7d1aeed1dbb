import type { OversightModule } from '../platform/http/module';
import { complianceModule } from './compliance/index';

/** Every feature module, in navigation order. Each is a folder under src/modules. */
export const featureModules: OversightModule[] = [complianceModule];
