package dev.rtcsuite.rating.application;

/** A usage fact of an app under the producer's idempotency key: counted once per (app, key). */
public record UsageRecord(long sdkAppId, String idempotencyKey, UsageFact fact) {}
