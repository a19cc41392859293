/**
 * Shipped recipe journeys: ready-made definitions (welcome series, member binding, abandoned cart, repurchase) with
 * named parameters that a tenant overrides to create a draft of its own through the journey catalog.
 */
package org.wayfarer.journey.recipe;
