export { refreshChronicRates, refreshChronicRatesOfResidents, refreshSigningRates, rebuildRateSummaries } from './rate-summaries.service.ts';
