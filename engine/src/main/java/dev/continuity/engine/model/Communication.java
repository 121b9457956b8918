package dev.continuity.engine.model;

import java.util.List;

@Doc("Who is told what, through which channels.")
public record Communication(
        @Doc("Roles called, in order") @Ref(Role.class) List<String> contactTree,
        @Doc("Services used to communicate") @Ref(Service.class) List<String> channels,
        @Doc("Stakeholder groups informed") @Name List<String> stakeholders) {
}
