import type { OversightModule } from '../platform/http/module';
import { adultsModule } from './adults/index';
import { casesModule } from './cases/index';
import { committeeModule } from './committee/index';
import { complianceModule } from './compliance/index';
import { earlyHelpModule } from './early-help/index';
import { kpisModule } from './kpis/index';
import { missingModule } from './missing/index';
import { plansModule } from './plans/index';
import { qaModule } from './qa/index';

/** Every feature module, in navigation order. Each is a folder under src/modules. */
export const featureModules: OversightModule[] = [
  casesModule,
  complianceModule,
  missingModule,
  earlyHelpModule,
  plansModule,
  qaModule,
  kpisModule,
  adultsModule,
  committeeModule,
];
