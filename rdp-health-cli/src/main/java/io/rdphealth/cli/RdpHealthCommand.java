package io.rdphealth.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code rdphealth}: the command line over the RDP Health library. */
@Command(name = "rdphealth", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Probe RDP endpoints from the wire, diagnose why clients fail (0x904 / 0x7 and friends), and fix the host.",
        subcommands = {CheckCommand.class, ExplainCommand.class, InspectCommand.class, RenewCertCommand.class,
            RepairKeyPermissionsCommand.class, DiagnoseCommand.class, FixCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:healthy (no finding above INFO); a change applied and verified, planned (dry run) or not needed",
            "1:warnings",
            "2:errors or critical findings; a change failed and was rolled back (or its rollback failed: restore from the backup)",
            "3:usage error (bad option, target or input file, not on this platform); a change refused before anything changed"})
public final class RdpHealthCommand {

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command with the given streams; tests call this instead of {@link #main}. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new RdpHealthCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((ex, arguments) -> {
            ex.getCommandLine().getErr().println("rdphealth: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try 'rdphealth " + ex.getCommandLine().getCommandName().replace("rdphealth", "").trim()
                    + " --help' for usage.".replace("rdphealth  ", "rdphealth "));
            return ExitCodes.USAGE;
        });
        commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (ex instanceof IllegalArgumentException) {
                cmd.getErr().println("rdphealth: " + ex.getMessage());
                return ExitCodes.USAGE;
            }
            cmd.getErr().println("rdphealth: internal error: " + ex);
            return ExitCodes.ERRORS;
        });
        return commandLine.execute(args);
    }
}
