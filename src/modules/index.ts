import type { OversightModule } from '../platform/http/module';

/** Every feature module, in navigation order. Each is a folder under src/modules. */
export const featureModules: OversightModule[] = [];
