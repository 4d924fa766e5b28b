# SPDX-License-Identifier: GPL-3.0-or-later
# CTest "layering": fails when cpm_core, cpm_jobs or cpm-cli link Qt Gui or Widgets (or anything
# that brings them: Charts, Svg, cpm_models, cpm_ui), or when a file under app/core or app/jobs
# includes a Gui or Widgets header. (cpm-cli: loading the UI libraries tripled its start-up;
# its `report` verb runs in cpm-report.) Run as: cmake -DTARGETS_FILE=... -DSOURCE_DIR=... -P layering.cmake
cmake_minimum_required(VERSION 3.25)
include(${TARGETS_FILE})
set(problems "")

# Usage requirements are transitive: a Gui anywhere in the link closure adds QT_GUI_LIB to the
# compile definitions and the QtGui folder to the include path, so an indirect link shows too.
set(forbidden_links "Qt6?::(Gui|Widgets|Charts|Svg|SvgWidgets|PrintSupport|OpenGL|OpenGLWidgets)|cpm_(models|ui)$")
set(forbidden_defines "^QT_(GUI|WIDGETS|CHARTS|SVG|PRINTSUPPORT|OPENGL)_LIB$")
set(forbidden_includes "/Qt(Gui|Widgets|Charts|Svg|PrintSupport|OpenGL)$")
foreach(target IN LISTS CPM_LAYERING_TARGETS)
  foreach(link IN LISTS ${target}_LINK)
    if(link MATCHES "${forbidden_links}")
      list(APPEND problems "${target} links ${link}")
    endif()
  endforeach()
  foreach(define IN LISTS ${target}_DEFINES)
    if(define MATCHES "${forbidden_defines}")
      list(APPEND problems "${target} is compiled with ${define} (a Gui/Widgets module is in its link closure)")
    endif()
  endforeach()
  foreach(dir IN LISTS ${target}_INCLUDES)
    if(dir MATCHES "${forbidden_includes}")
      list(APPEND problems "${target} has ${dir} on its include path")
    endif()
  endforeach()
  # A sanity check of the check itself: the lists were filled in.
  if(NOT "QT_CORE_LIB" IN_LIST ${target}_DEFINES)
    list(APPEND problems "${target}: no QT_CORE_LIB among its compile definitions (is ${TARGETS_FILE} stale?)")
  endif()
endforeach()

file(GLOB_RECURSE sources ${SOURCE_DIR}/app/core/*.h ${SOURCE_DIR}/app/core/*.cpp
                          ${SOURCE_DIR}/app/jobs/*.h ${SOURCE_DIR}/app/jobs/*.cpp)
set(forbidden_header "^[ \t]*#[ \t]*include[ \t]*[<\"](QtWidgets|QtGui|QtCharts|QtSvg|QtPrintSupport|QWidget|QApplication|QGuiApplication|QMessageBox)")
foreach(source IN LISTS sources)
  file(STRINGS ${source} lines REGEX "#[ \t]*include")
  foreach(line IN LISTS lines)
    if(line MATCHES "${forbidden_header}")
      file(RELATIVE_PATH relative ${SOURCE_DIR} ${source})
      string(STRIP "${line}" line)
      list(APPEND problems "${relative}: ${line}")
    endif()
  endforeach()
endforeach()

list(LENGTH sources count)
if(problems)
  list(JOIN problems "\n  " text)
  message(FATAL_ERROR "layering: Gui or Widgets below cpm_ui:\n  ${text}")
endif()
message(STATUS "layering: cpm_core, cpm_jobs and cpm-cli link and include no Gui or Widgets (${count} files read)")
