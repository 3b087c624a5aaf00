package org.opregister.ict;

import org.jboss.resteasy.reactive.RestForm;

import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;

/** The create and edit form of one of the bank's services (the code is set once, at creation). */
public class BusinessServiceForm {

    @RestForm
    public String version;
    @RestForm
    public String code;
    @RestForm
    public String name;
    @RestForm
    public String functionName;
    @RestForm
    public String criticalOrImportant;
    @RestForm
    public String description;

    /** What was typed, checked; {@code version} null on creation. */
    public record Data(Long version, String code, String name, String functionName, boolean criticalOrImportant,
            String description) {
    }

    static BusinessServiceForm of(BusinessService service) {
        BusinessServiceForm form = new BusinessServiceForm();
        form.version = Long.toString(service.version);
        form.code = service.code;
        form.name = service.name;
        form.functionName = service.functionName;
        form.criticalOrImportant = service.criticalOrImportant ? "true" : null;
        form.description = service.description;
        return form;
    }

    public boolean criticalChecked() {
        return IctProviderForm.checked(criticalOrImportant);
    }

    public Data parse(boolean creating, FieldErrors errors) {
        FormInput input = new FormInput(errors);
        Long loaded = creating ? null : input.version("version", version);
        String typedCode = null;
        if (creating) {
            typedCode = input.code("code", code, BusinessService.CODE_MAX, "error.ictServiceCode");
        }
        return new Data(loaded, typedCode, input.text("name", name, true, BusinessService.NAME_MAX),
                input.text("functionName", functionName, true, BusinessService.NAME_MAX),
                criticalChecked(), input.text("description", description, false, BusinessService.DESCRIPTION_MAX));
    }
}
