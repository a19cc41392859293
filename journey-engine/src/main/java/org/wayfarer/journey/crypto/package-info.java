/** Encryption of secrets at rest (WeChat app secrets, tokens, AES keys, contact PII): AES-256-GCM, plain JDK. */
package org.wayfarer.journey.crypto;
