/** The channel SPI: how the engine's dispatcher hands rendered messages to channel modules. */
package org.wayfarer.journey.channel;
