package org.wayfarer.admin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Wayfarer server: admin API, channel callbacks and the journey engine in one process. The engine wires itself
 * (auto-configuration); channels are imported by {@link ChannelWiring}. Keep annotations off this class: the admin
 * API's slice tests load it.
 */
@SpringBootApplication
public class WayfarerApplication {

    public static void main(String[] args) {
        SpringApplication.run(WayfarerApplication.class, args);
    }
}
