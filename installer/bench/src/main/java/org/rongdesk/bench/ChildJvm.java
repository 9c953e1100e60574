package org.rongdesk.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/** The command that starts a class's main in a new JVM like this one: same java, JVM options and class path. */
final class ChildJvm {
    private ChildJvm() {
    }

    static List<String> command(Class<?> mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        return command;
    }
}
