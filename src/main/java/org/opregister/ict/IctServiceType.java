package org.opregister.ict;

/** Type of ICT services (ITS 2024/2956, Annex III; template B_02.02, column c0060), codes S01 to S19. */
public enum IctServiceType {

    S01, S02, S03, S04, S05, S06, S07, S08, S09, S10, S11, S12, S13, S14, S15, S16, S17, S18, S19
}
