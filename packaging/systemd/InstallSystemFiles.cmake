# Runs at install time (from cmake_install.cmake), where CMAKE_INSTALL_PREFIX is the prefix really installed to,
# so `cmake --install --prefix P` and cpack each get a unit and a settings file that name their own paths.
# Inputs: TB_TEMPLATE_DIR, TB_GENERATED_DIR, TB_BINDIR_RELATIVE.
get_filename_component(tb_prefix "${CMAKE_INSTALL_PREFIX}" ABSOLUTE)
# As GNUInstallDirs does: the settings of a /usr install belong in /etc, any other prefix keeps its own etc/.
if(tb_prefix STREQUAL "/usr")
    set(TB_SYSCONFDIR /etc)
else()
    set(TB_SYSCONFDIR "${tb_prefix}/etc")
endif()
if(IS_ABSOLUTE "${TB_BINDIR_RELATIVE}")
    set(TB_BINDIR "${TB_BINDIR_RELATIVE}")
else()
    set(TB_BINDIR "${tb_prefix}/${TB_BINDIR_RELATIVE}")
endif()

# One directory per destination: two installs running at once (tests) must not write the same file.
string(MD5 tb_key "$ENV{DESTDIR}|${tb_prefix}")
set(tb_out "${TB_GENERATED_DIR}/${tb_key}")
configure_file("${TB_TEMPLATE_DIR}/tokenbench-server.service.in" "${tb_out}/tokenbench-server.service" @ONLY)
configure_file("${TB_TEMPLATE_DIR}/server.conf.in" "${tb_out}/server.conf" @ONLY)

file(INSTALL DESTINATION "${tb_prefix}/lib/systemd/system" TYPE FILE FILES "${tb_out}/tokenbench-server.service")
file(INSTALL DESTINATION "${TB_SYSCONFDIR}/tokenbench" TYPE FILE FILES "${tb_out}/server.conf")
