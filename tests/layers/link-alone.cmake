# cmake -DCC=… -DSOURCE=… -DINCLUDE=… -DLIBS=a;b -DEXPECT=fail|pass -DOUTPUT=… [-DLTO=flags] -P link-alone.cmake
# Links SOURCE into a shared object that may leave nothing undefined, as CMakeLists.txt links each layer
# alone, against the archives of the layers below it; checks that it fails (naming the upward call) or
# passes, as EXPECT says. LTO: the flags that let the compiler read archives built with link-time optimisation.
execute_process(
  COMMAND ${CC} ${LTO} -shared -fPIC -I${INCLUDE} ${SOURCE} ${LIBS} -Wl,--no-undefined -o ${OUTPUT}
  RESULT_VARIABLE status
  OUTPUT_VARIABLE out
  ERROR_VARIABLE out)
if(EXPECT STREQUAL "fail")
  if(status EQUAL 0)
    message(FATAL_ERROR "an upward call linked: the layer check would not catch it")
  endif()
  if(NOT out MATCHES "undefined reference to `ps_report_text'")
    message(FATAL_ERROR "the link failed, but not on the upward call:\n${out}")
  endif()
  message(STATUS "refused, as it should be: ps_report_text is undefined below the report layer")
elseif(NOT status EQUAL 0)
  message(FATAL_ERROR "a call within the layers did not link:\n${out}")
endif()
