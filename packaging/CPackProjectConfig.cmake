# Read by cpack once per generator (CPACK_PROJECT_CONFIG_FILE).
if(CPACK_GENERATOR STREQUAL "TGZ")
    # The tarball is a /usr/local install: its unit and settings name /usr/local paths. Install it with
    #   sudo tar -xzf tokenbench-VERSION-linux-ARCH.tar.gz -C / --strip-components=1
    set(CPACK_INSTALL_PREFIX /usr/local)
    set(CPACK_PACKAGING_INSTALL_PREFIX /usr/local)
endif()
