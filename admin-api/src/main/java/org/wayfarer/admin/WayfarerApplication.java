package org.wayfarer.admin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Wayfarer server: admin API, channel callbacks and the journey engine in one process. */
@SpringBootApplication
public class WayfarerApplication {

    public static void main(String[] args) {
        SpringApplication.run(WayfarerApplication.class, args);
    }
}
