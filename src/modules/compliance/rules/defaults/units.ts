import type { Interval } from '../interval';

export const wd = (amount: number): Interval => ({ amount, unit: 'working_days' });
export const days = (amount: number): Interval => ({ amount, unit: 'days' });
export const weeks = (amount: number): Interval => ({ amount, unit: 'weeks' });
export const months = (amount: number): Interval => ({ amount, unit: 'months' });
export const hours = (amount: number): Interval => ({ amount, unit: 'hours' });

export const AMBER = 5;

export const WORKING_TOGETHER = 'Working Together to Safeguard Children 2023';
export const CARE_PLANNING = 'Care Planning, Placement and Case Review (England) Regulations 2010';
export const LOCAL = 'Local practice standard';
