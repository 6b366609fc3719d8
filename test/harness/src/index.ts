import './provided-context.js';

export { findOrStartBroker, parseBrokerList } from './find-broker.js';
export type { BrokerHandle, BrokerSource, FindBrokerOptions } from './find-broker.js';
export { startLocalBroker, renderBrokerConfig } from './local-broker.js';
export type { LocalBrokerHandle, LocalBrokerOptions, StopOptions } from './local-broker.js';
export { ensureKafkaJars, hasCachedJars, kafkaDistDir } from './fetch-jars.js';
export type { KafkaJars } from './fetch-jars.js';
export { dockerAvailable } from './docker-broker.js';
export { kafkaVersion, cacheDir } from './paths.js';
export { renderProperties, parseProperties } from './properties.js';
export { HarnessError, HARNESS_ERROR_CODES } from './errors.js';
export type { HarnessErrorCode } from './errors.js';
