package io.rdphealth.host.xrdp;

import io.rdphealth.fix.ChangeContext;
import io.rdphealth.fix.Compensation;
import io.rdphealth.fix.Step;
import io.rdphealth.fix.StepFailedException;
import java.io.IOException;

/** A step that changes nothing and fails the plan when its check does not hold. */
final class CheckStep implements Step {
    /** The check: throws with the reason when it does not hold. */
    interface Check {
        void run() throws IOException, StepFailedException;
    }

    private final String description;
    private final Check check;

    CheckStep(String description, Check check) {
        this.description = description;
        this.check = check;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Compensation prepare(ChangeContext context) {
        return Compensation.none();
    }

    @Override
    public void apply(ChangeContext context) throws IOException, StepFailedException {
        check.run();
    }
}
