package io.rdphealth.host.windows.jna;

import com.sun.jna.platform.win32.COM.util.annotation.ComInterface;
import com.sun.jna.platform.win32.COM.util.annotation.ComMethod;
import com.sun.jna.platform.win32.COM.util.annotation.ComObject;
import com.sun.jna.platform.win32.COM.util.annotation.ComProperty;

/** The parts of COM {@code HNetCfg.FwPolicy2} (INetFwPolicy2) the port uses; jna-platform has no declaration. */
@ComObject(progId = "HNetCfg.FwPolicy2")
@ComInterface(iid = "{98325047-C671-4174-8D81-DEFCD3F03186}")
interface FirewallPolicy2 {
    @ComProperty(name = "CurrentProfileTypes")
    Integer getCurrentProfileTypes();

    @ComProperty(name = "FirewallEnabled")
    Boolean getFirewallEnabled(Integer profileType);

    @ComMethod(name = "IsRuleGroupEnabled")
    Boolean isRuleGroupEnabled(Integer profileTypesBitmask, String group);

    @ComProperty(name = "Rules")
    FirewallRules getRules();

    @ComMethod(name = "EnableRuleGroup")
    void enableRuleGroup(Integer profileTypesBitmask, String group, Boolean enable);
}
