"""Writers: SOP model -> output file. Writers never read source documents."""
