package org.heatpumpsuite.polling.command.messaging;

/** Topics of the write path (docs/contracts). */
public final class CommandTopics {

    public static final String CONFIG = "heatpump.config";
    public static final String COMMANDS = "heatpump.commands";
    public static final String RESULTS = "heatpump.command-results";
    public static final String STANDING_VALUES = "heatpump.standing-values";

    private CommandTopics() {
    }

    public static String dlq(String topic) {
        return topic + ".dlq";
    }
}
